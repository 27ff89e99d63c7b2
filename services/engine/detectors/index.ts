/** The one registry of detector kinds: adding a kind is one file plus one line here. */
import { aiAnchorLabel } from './ai-anchor-label.js';
import { cardFloorPrice } from './card-floor-price.js';
import { attributeContradiction } from './attribute-contradiction.js';
import { cardTerms } from './card-terms.js';
import { claimCues } from './claim-cues.js';
import { cueSets } from './cue-sets.js';
import { cues } from './cues.js';
import { lexicon } from './lexicon.js';
import { minorAge } from './minor-age.js';
import { originalAbove7dMin } from './original-above-7d-min.js';
import { targetAllegation } from './target-allegation.js';
import { spokenReferencePrice } from './spoken-reference-price.js';
import { raiseThenDiscount } from './raise-then-discount.js';
import { discountClaimMismatch } from './discount-claim-mismatch.js';
import { spokenPriceNotHonored } from './spoken-price-not-honored.js';
import { checkoutAboveDisplayed } from './checkout-above-displayed.js';
import { undisclosedPriceCondition } from './undisclosed-price-condition.js';
import { fakeScarcityStock } from './fake-scarcity-stock.js';
import { fakeCountdown } from './fake-countdown.js';
import { historicLowClaim } from './historic-low-claim.js';
import { giftValueOverstated } from './gift-value-overstated.js';
import { falseSalesClaim } from './false-sales-claim.js';
import { prizePromotion } from './prize-promotion.js';
import type { Detector } from './types.js';

export const DETECTORS: Readonly<Record<string, Detector>> = Object.freeze({
  [lexicon.kind]: lexicon,
  [originalAbove7dMin.kind]: originalAbove7dMin,
  [aiAnchorLabel.kind]: aiAnchorLabel,
  [cues.kind]: cues,
  [cardTerms.kind]: cardTerms,
  [attributeContradiction.kind]: attributeContradiction,
  [minorAge.kind]: minorAge,
  [targetAllegation.kind]: targetAllegation,
  [claimCues.kind]: claimCues,
  [cueSets.kind]: cueSets,
  [cardFloorPrice.kind]: cardFloorPrice,
  [spokenReferencePrice.kind]: spokenReferencePrice,
  [raiseThenDiscount.kind]: raiseThenDiscount,
  [discountClaimMismatch.kind]: discountClaimMismatch,
  [spokenPriceNotHonored.kind]: spokenPriceNotHonored,
  [checkoutAboveDisplayed.kind]: checkoutAboveDisplayed,
  [undisclosedPriceCondition.kind]: undisclosedPriceCondition,
  [fakeScarcityStock.kind]: fakeScarcityStock,
  [fakeCountdown.kind]: fakeCountdown,
  [historicLowClaim.kind]: historicLowClaim,
  [giftValueOverstated.kind]: giftValueOverstated,
  [falseSalesClaim.kind]: falseSalesClaim,
  [prizePromotion.kind]: prizePromotion,
});
