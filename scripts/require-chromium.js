#!/usr/bin/env node
import { requireChromium } from './chromium.js';

requireChromium();
