/** The one registry of detector kinds: adding a kind is one file plus one line here. */
import { aiAnchorLabel } from './ai-anchor-label.js';
import { cues } from './cues.js';
import { lexicon } from './lexicon.js';
import { originalAbove7dMin } from './original-above-7d-min.js';
import type { Detector } from './types.js';

export const DETECTORS: Readonly<Record<string, Detector>> = Object.freeze({
  [lexicon.kind]: lexicon,
  [originalAbove7dMin.kind]: originalAbove7dMin,
  [aiAnchorLabel.kind]: aiAnchorLabel,
  [cues.kind]: cues,
});
