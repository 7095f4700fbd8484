/**
 * present/pptx — a deck as a PowerPoint file with native, editable charts (pptxgenjs, loaded only
 * when the presenter exports). Maps each slide's view data to a chart spec (spec.ts), hides small
 * cells as a published share does (suppress.ts), and writes the file (build.ts, export.ts). It must
 * not query data (slides' data comes from the caller) nor draw on screen. A presenter's template
 * gives slide size, fonts and title colour (template.ts).
 */
export { planExport, writePptx, pptxFileName, EXPORT_K, type ExportInput, type ExportPlan } from './export';
export { chartContent, HIDDEN_MARK, type ChartContent, type ChartSpec } from './spec';
export { hiddenKeys } from './suppress';
export { DEFAULT_LAYOUT, type ExportSlide, type Layout } from './build';
export { readTemplate, TemplateError } from './template';
