/**
 * `card-floor-price`: a product card for a brand in the floor table (seeds/brands.yaml), not
 * authorised for this room, whose displayed price (livePrice ?? listedPrice) is below `ratio` ×
 * the brand's floor. Once per sku per session. The brand is the card's `brand` field; when the
 * card has none, a brand alias in its product name counts (`nameFallback`), except in names
 * that say the goods are not that brand (平替). Unknown authorisations count as not authorised:
 * the rule is a signal for a human to check, not a finding.
 */
import { z } from 'zod';
import { createBrandRegistry, type BrandRegistry } from '../brands.js';
import { defineDetector, type CompileEnv } from './types.js';

const Params = z.strictObject({
  ratio: z.number().positive().max(1).default(0.2),
  nameFallback: z.boolean().default(true),
  /** Product names with these phrases are not the brand's floor-priced goods (平替, 适用, 手机壳, 防尘袋). */
  notFloorPhrases: z.array(z.string().min(1)).default([]),
  /** Chinese summary, then " / " and English; {brand}, {price}, {floor} and {ratio} are filled in. */
  summary: z.string().min(1),
});
type P = z.infer<typeof Params>;

type Compiled = { p: P; registry: BrandRegistry; notBrand: string[]; norm: (s: string) => string };

/** Skus already reported this session (bounded by the room's sku limit). */
type State = string[];

const MAX_SKUS = 200;

export const cardFloorPrice = defineDetector({
  kind: 'card-floor-price',
  summary: 'A product card for a luxury brand, not authorised here, priced far below the brand floor.',
  params: Params,
  on: ['price'],
  compile: (p: P, env: CompileEnv): Compiled => ({
    p,
    registry: createBrandRegistry(env.seeds.get('brands'), env.normaliseTerm),
    notBrand: p.notFloorPhrases.map(env.normaliseTerm),
    norm: env.normaliseTerm,
  }),
  initial: (): State => [],
  onNewSession: (): State => [],
  evaluate({ event, room, rule: c, state }) {
    if (event.type !== 'price' || state.includes(event.sku)) return { state, findings: [] };
    if (!event.brand && !c.p.nameFallback) return { state, findings: [] };
    let brand = c.registry.canonical(event.brand);
    let via: 'brand' | 'name' = 'brand';
    if (brand === null && !event.brand && c.p.nameFallback) {
      const m = c.registry.mentions(event.productName).find((x) => x.type !== 'generic' && c.registry.floorFen(x.brand, event.productName) !== null);
      if (m !== undefined) {
        brand = m.brand;
        via = 'name';
      }
    }
    if (brand === null) return { state, findings: [] };
    const floor = c.registry.floorFen(brand, event.productName);
    if (floor === null) return { state, findings: [] };
    const displayed = event.liveFen ?? event.listedFen;
    if (!(displayed > 0 && displayed < c.p.ratio * floor)) return { state, findings: [] };
    const name = c.norm(event.productName);
    if (c.notBrand.some((x) => name.includes(x))) return { state, findings: [] };
    const auths = room.meta?.sellerAuthorizations;
    if (c.registry.isAuthorised(brand, auths) === true) return { state, findings: [] };
    const ratio = Math.round((displayed / floor) * 1000) / 1000;
    const yuan = (fen: number) => (fen / 100).toFixed(2).replace(/\.00$/, '');
    return {
      state: [...state, event.sku].slice(-MAX_SKUS),
      findings: [
        {
          dedupeKey: `${brand}:${event.sku}`,
          sku: event.sku,
          summary: c.p.summary.replace('{brand}', brand).replace('{price}', yuan(displayed)).replace('{floor}', yuan(floor)).replace('{ratio}', `${Math.round(ratio * 100)}%`),
          values: {
            brand,
            brandVia: via,
            productName: event.productName,
            displayedFen: displayed,
            floorFen: floor,
            ratio,
            threshold: c.p.ratio,
            sellerAuthorizations: auths ?? null,
          },
        },
      ],
    };
  },
});
