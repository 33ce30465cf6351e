/**
 * The shipped alignment model: a logistic model over the pair features, trained on the development half of the
 * labelled DUC 2006 report pairs (`npm run train:claims`). A small JSON file: its weights are readable.
 */
import { readFileSync } from 'node:fs';
import { shippedModelPath } from '../learn/model-path.js';
import { PAIR_FEATURES, type AlignmentModel } from './pair-features.js';

/** The alignment model file is missing or does not match the features this build computes. */
export class AlignmentModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AlignmentModelError';
  }
}

/** Reads and checks an alignment model file. */
export function readAlignmentModel(file: string): AlignmentModel {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new AlignmentModelError(`cannot read the claims alignment model ${file}: ${(e as Error).message}`);
  }
  const m = raw as Partial<AlignmentModel>;
  const same =
    Array.isArray(m.features) &&
    m.features.length === PAIR_FEATURES.length &&
    m.features.every((f, i) => f === PAIR_FEATURES[i]);
  if (!same || !Array.isArray(m.weights) || m.weights.length !== PAIR_FEATURES.length)
    throw new AlignmentModelError(`${file} was trained on other features: retrain it with npm run train:claims`);
  if (typeof m.bias !== 'number' || typeof m.threshold !== 'number')
    throw new AlignmentModelError(`${file} has no bias or threshold`);
  return { features: [...PAIR_FEATURES], weights: m.weights, bias: m.bias, threshold: m.threshold };
}

let shipped: AlignmentModel | undefined;

/** The model shipped in `models/claims/alignment.json` (or the file `STORYLINE_CLAIMS_MODEL` names). */
export function defaultAlignmentModel(): AlignmentModel {
  shipped ??= readAlignmentModel(
    shippedModelPath(import.meta.url, 'claims', 'alignment.json', 'STORYLINE_CLAIMS_MODEL'),
  );
  return shipped;
}
