/**
 * The FNC-1 stance model's weights (trained by scripts/train-stance.ts) and a classifier with a per-body feature cache.
 * Not shipped: the extension judges by the claim comparator (lib/stance); kept to score bench:stance.
 */
import packedJson from './model.json';
import { DEFAULT_BLOCKS, bodyInfo, claimInfo, indexVocab, modelInput, type BodyInfo, type InputBlock, type VocabIndex } from './features';
import { LABELS, predictProbs, unpackMlp, type Mlp, type PackedModel, type StanceLabel } from './mlp';

export interface StanceProbs {
  label: StanceLabel;
  confidence: number;
  probs: Record<StanceLabel, number>;
}

export class StanceModel {
  readonly mlp: Mlp;
  readonly vocab: VocabIndex;
  readonly blocks: InputBlock[];
  private bodies = new Map<string, BodyInfo>();

  constructor(packed: PackedModel) {
    this.mlp = unpackMlp(packed);
    this.vocab = indexVocab(packed.vocab);
    this.blocks = packed.blocks ?? DEFAULT_BLOCKS;
  }

  /** Body features are cached by `bodyKey` (report id, or FNC body id). */
  body(bodyKey: string, text: string): BodyInfo {
    let b = this.bodies.get(bodyKey);
    if (!b) {
      if (this.bodies.size > 2000) this.bodies.clear();
      this.bodies.set(bodyKey, (b = bodyInfo(text, this.vocab)));
    }
    return b;
  }

  classify(claim: string, bodyKey: string, bodyText: string): StanceProbs {
    const b = this.body(bodyKey, bodyText);
    const p = predictProbs(this.mlp, modelInput(claimInfo(claim, this.vocab), b, this.vocab.size, this.blocks));
    let best = 0;
    for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
    return {
      label: LABELS[best]!,
      confidence: p[best]!,
      probs: Object.fromEntries(LABELS.map((l, i) => [l, p[i]!])) as Record<StanceLabel, number>,
    };
  }
}

let shared: StanceModel | null = null;
/** The model built from the bundled weights, unpacked once on first use. */
export function stanceModel(): StanceModel {
  return (shared ??= new StanceModel(packedJson as unknown as PackedModel));
}
