/**
 * The one entry point of the engine: the worker, `supervisor scan` and replay all call it.
 * Pure: (event, room state, ruleset) → (next room state, alerts). No I/O, no clock (event
 * time only), no randomness; the input room is never mutated, so callers may keep it.
 */
import type { AlertEnvelope } from './contracts/alert.js';
import type { EngineEvent, TranscriptEvent } from './contracts/events.js';
import { alertId, buildAlert } from './alerts/envelope.js';
import type { EvaluateInput, Finding, LexiconHit, SegmentView } from './detectors/types.js';
import type { CompiledRule, Ruleset } from './ruleset/load.js';
import { addOrder, copyRoom, MAX_OPEN_ALERTS, MAX_ORDER_SKUS, MAX_SKUS, newRoom, RECENT_MAX, RECENT_MS, type OpenAlert, type RoomState } from './state/room.js';

/** Repeats of the same (rule, sku, evidence) within this window raise `occurrences`. */
export const DEDUPE_COOLDOWN_MS = 10 * 60_000;
/** Transcript rules: at most one new alert per (rule, room) per window (catalogue §1.2). */
export const TRANSCRIPT_CAP_MS = 60_000;
/** A previous segment this recent is joined to the current one for matching (catalogue §1.4). */
export const CROSS_SEGMENT_MS = 15_000;
const TAIL_CHARS = 64;

export type EvaluateResult = {
  room: RoomState;
  /** New alerts. */
  alerts: AlertEnvelope[];
  /** Repeats folded into an open alert: same id, higher `occurrences`. */
  updates: AlertEnvelope[];
};

/**
 * The room's detector states as a record with every rule id of the ruleset, in ruleset order
 * (undefined where a rule has no state yet; states of rules no longer in the ruleset are
 * dropped), made by `ruleset.copyRules`. One shape for every room keeps the
 * copy on each state change a fast clone. `map` turns each present state into the one to keep.
 */
function canonicalRules(rules: Record<string, unknown>, ruleset: Ruleset, map?: (rule: CompiledRule, state: unknown) => unknown): Record<string, unknown> {
  if (map === undefined && ruleset.isRulesCopy(rules)) return rules;
  const out = ruleset.copyRules(rules);
  if (map !== undefined) {
    for (const r of ruleset.rules) {
      const s = out[r.meta.id];
      if (s !== undefined) out[r.meta.id] = map(r, s);
    }
  }
  return out;
}

const onNewSession = (rule: CompiledRule, state: unknown): unknown => (rule.detector.onNewSession ? rule.detector.onNewSession(state) : state);

function startSession(room: RoomState, sessionId: string, ruleset: Ruleset): RoomState {
  const rules = canonicalRules(room.rules, ruleset, onNewSession);
  const next = copyRoom(room);
  next.sessionId = sessionId;
  next.activeSku = null;
  next.cards = {};
  next.recent = [];
  next.rules = rules;
  next.alerts = {};
  next.lastNew = {};
  return next;
}

function segmentOf(event: TranscriptEvent, room: RoomState, ruleset: Ruleset): SegmentView {
  // The newest segment of the window is the previous one of this session (the window is
  // emptied when a session starts): its last TAIL_CHARS characters go in front when recent.
  const last = room.recent.length > 0 ? room.recent[room.recent.length - 1]! : null;
  const previous = last !== null && event.at >= last.at && event.at - last.at <= CROSS_SEGMENT_MS ? last : null;
  const tail = previous === null ? '' : previous.text.length > TAIL_CHARS ? previous.text.slice(-TAIL_CHARS) : previous.text;
  const original = tail + event.text;
  const n = ruleset.normalise(original);
  return { original, currentStart: tail.length, previous, squeezed: n.text, map: n.map };
}

/** Lexicon hits of one segment, by rule index (a sparse array: most rules have none). */
function lexiconHits(segment: SegmentView, ruleset: Ruleset): Array<LexiconHit[] | undefined> {
  const byRule: Array<LexiconHit[] | undefined> = new Array(ruleset.rules.length);
  const owners = ruleset.owners;
  ruleset.automaton.scan(segment.squeezed, (pattern, start, end) => {
    for (const [ri, term] of owners[pattern]!) {
      const hits = byRule[ri];
      if (hits === undefined) byRule[ri] = [{ term, start, end }];
      else hits.push({ term, start, end });
    }
  });
  return byRule;
}

function pruneAlerts(alerts: Record<string, OpenAlert>, now: number): Record<string, OpenAlert> {
  // Nothing expired and room for one more (the usual case): the same record, nothing copied.
  let open = 0;
  let expired = false;
  for (const k in alerts) {
    open++;
    if (now - alerts[k]!.lastAt >= DEDUPE_COOLDOWN_MS) {
      expired = true;
      break;
    }
  }
  if (!expired && open < MAX_OPEN_ALERTS) return alerts;
  const entries = Object.entries(alerts).filter(([, a]) => now - a.lastAt < DEDUPE_COOLDOWN_MS);
  entries.sort((a, b) => a[1].lastAt - b[1].lastAt);
  return Object.fromEntries(entries.slice(-MAX_OPEN_ALERTS + 1));
}

/**
 * Info findings are advisory, not alerts (catalogue severity scale); a rule that yields to
 * another stays silent when that one fired on this event or on a transcript in the last 60 s.
 */
function applyPrecedence(found: Array<[CompiledRule, Finding]>, room: RoomState, at: number): Array<[CompiledRule, Finding]> {
  const fired = new Set(found.filter(([, f]) => f.severity !== 'info').map(([r]) => r.meta.id));
  return found.filter(([rule, f]) => {
    if (f.severity === 'info') return false;
    for (const { rule: winner, sameEvent } of rule.yieldsTo) {
      if (fired.has(winner)) return false;
      if (sameEvent) continue;
      const last = room.lastNew[winner];
      if (last !== undefined && at - last.at < TRANSCRIPT_CAP_MS) return false;
    }
    return true;
  });
}

/** The facts an event carries into the room: metadata, the product card, the venue's orders. */
function applyFacts(event: EngineEvent, room: RoomState): RoomState {
  if (event.type === 'room') {
    const next = copyRoom(room);
    next.meta = {
      platform: event.platform,
      streamerId: event.streamerId,
      anchorType: event.anchorType,
      aiLabelShown: event.aiLabelShown,
      sellerAuthorizations: event.sellerAuthorizations,
    };
    return next;
  }
  if (event.type === 'price') {
    const { productName, brand, listedFen, originalFen, liveFen, checkoutFen, stock, at, ts, coords } = event;
    const known = event.sku in room.cards;
    const cards = { ...room.cards, [event.sku]: { productName, brand, listedFen, originalFen, liveFen, checkoutFen, stock, at, ts, coords } };
    if (!known) {
      const keys = Object.keys(cards);
      if (keys.length > MAX_SKUS) delete cards[keys[0] === event.sku ? keys[1]! : keys[0]!];
    }
    const next = copyRoom(room);
    next.activeSku = event.sku;
    next.cards = cards;
    return next;
  }
  if (event.type === 'order') {
    const known = event.sku in room.orders;
    const orders = { ...room.orders, [event.sku]: addOrder(room.orders[event.sku], event.at, event.paidFen) };
    if (!known) {
      const keys = Object.keys(orders);
      if (keys.length > MAX_ORDER_SKUS) delete orders[keys[0] === event.sku ? keys[1]! : keys[0]!];
    }
    const next = copyRoom(room);
    next.orders = orders;
    return next;
  }
  return room;
}

/** Every rule of the event's type, in ruleset order: their findings, and the room with their new states. */
function runRules(event: EngineEvent, room: RoomState, ruleset: Ruleset, found: Array<[CompiledRule, Finding]>): RoomState {
  const candidates = ruleset.byType[event.type];
  if (candidates.length === 0) return room; // no rule reads this type (orders): nothing to look up
  let segment: SegmentView | undefined;
  let hits: Array<LexiconHit[] | undefined> | undefined;
  if (event.type === 'transcript') {
    segment = segmentOf(event, room, ruleset);
    hits = lexiconHits(segment, ruleset);
  }
  const productCategory = ruleset.categoryOf(room.activeSku === null ? undefined : room.cards[room.activeSku]);
  const rules = canonicalRules(room.rules, ruleset);
  let ruleStates: Record<string, unknown> | null = null;
  // One input object for every rule of this event (detectors are pure and never keep it).
  const input = { event, room, rule: null, state: null, productCategory, segment, hits: undefined } as unknown as EvaluateInput<unknown, unknown> & {
    hits: readonly LexiconHit[] | undefined;
  };
  for (const rule of candidates) {
    const ruleHits = hits === undefined ? undefined : hits[rule.index];
    if (rule.detector.needsHits === true && hits !== undefined && ruleHits === undefined) continue;
    const stored = rules[rule.meta.id];
    const state = stored ?? rule.initial;
    input.rule = rule.compiled;
    input.state = state;
    input.hits = ruleHits;
    const out = rule.detector.evaluate(input);
    // Compared with `state`, not `stored`: a rule with no state that hands back its initial
    // state unchanged keeps having none, so rooms (and snapshots) hold only changed states.
    if (out.state !== state) {
      ruleStates ??= ruleset.copyRules(rules);
      ruleStates[rule.meta.id] = out.state;
    }
    for (let k = 0; k < out.findings.length; k++) found.push([rule, out.findings[k]!]);
  }
  const keep = ruleStates ?? rules;
  if (keep === room.rules) return room;
  const next = copyRoom(room);
  next.rules = keep;
  return next;
}

/** Findings → new alerts and updates of open ones (dedupe, cooldowns, the per-room transcript cap). */
function settle(event: EngineEvent, room: RoomState, ruleset: Ruleset, found: Array<[CompiledRule, Finding]>, alerts: AlertEnvelope[], updates: AlertEnvelope[]): RoomState {
  let open = pruneAlerts(room.alerts, event.at);
  const lastNew = { ...room.lastNew };
  const sessionId = room.sessionId ?? event.sessionId;
  for (const [rule, finding] of found) {
    const key = `${rule.meta.id}\u0000${finding.sku ?? ''}\u0000${finding.dedupeKey}`;
    const capped = lastNew[rule.meta.id];
    const foldKey =
      open[key] !== undefined
        ? key
        : event.type === 'transcript' && capped !== undefined && event.at - capped.at < TRANSCRIPT_CAP_MS && open[capped.key] !== undefined
          ? capped.key
          : null;
    const common = { rule: rule.meta, rulesetVersion: ruleset.version, finding, event, room };
    if (foldKey !== null) {
      const prev = open[foldKey]!;
      const next: OpenAlert = { ...prev, lastSeen: event.ts, lastAt: event.at, occurrences: prev.occurrences + 1 };
      open = { ...open, [foldKey]: next };
      updates.push(buildAlert({ ...common, id: prev.id, occurrences: next.occurrences, firstSeen: prev.firstSeen }));
    } else {
      const id = alertId(rule.meta, sessionId, event.coords);
      open = { ...open, [key]: { id, firstSeen: event.ts, lastSeen: event.ts, lastAt: event.at, occurrences: 1 } };
      if (event.type === 'transcript') lastNew[rule.meta.id] = { key, at: event.at };
      alerts.push(buildAlert({ ...common, id, occurrences: 1, firstSeen: event.ts }));
    }
  }
  const next = copyRoom(room);
  next.alerts = open;
  next.lastNew = lastNew;
  return next;
}

/** The transcript window and tail for the next events, and the watermark. */
function remember(event: EngineEvent, room: RoomState): RoomState {
  const lastAt = event.at > room.lastAt ? event.at : room.lastAt;
  if (event.type === 'transcript') {
    // The newest RECENT_MAX - 1 segments still in the window, oldest first, then this one, in
    // an array of exactly that length (the room keeps it; one grown by push has room for 16).
    const old = room.recent;
    let kept = 0;
    let from = old.length;
    while (from > 0 && kept < RECENT_MAX - 1) if (event.at - old[--from]!.at <= RECENT_MS) kept++;
    const recent: RoomState['recent'] = new Array(kept + 1);
    for (let i = from, k = 0; k < kept; i++) if (event.at - old[i]!.at <= RECENT_MS) recent[k++] = old[i]!;
    recent[kept] = { text: event.text, at: event.at, ts: event.ts, speaker: event.speaker, coords: event.coords };
    const next = copyRoom(room);
    next.recent = recent;
    next.lastAt = lastAt;
    return next;
  }
  if (lastAt === room.lastAt) return room;
  const next = copyRoom(room);
  next.lastAt = lastAt;
  return next;
}

export function evaluate(event: EngineEvent, roomIn: RoomState | undefined, ruleset: Ruleset): EvaluateResult {
  let room = roomIn ?? newRoom(event.roomId);
  // Orders carry the session they were placed in (often days ago): they never switch sessions.
  if (event.type !== 'order' && room.sessionId !== event.sessionId) room = startSession(room, event.sessionId, ruleset);
  room = applyFacts(event, room);
  let found: Array<[CompiledRule, Finding]> = [];
  room = runRules(event, room, ruleset, found);
  const alerts: AlertEnvelope[] = [];
  const updates: AlertEnvelope[] = [];
  if (found.length > 0) found = applyPrecedence(found, room, event.at);
  if (found.length > 0) room = settle(event, room, ruleset, found, alerts, updates);
  room = remember(event, room);
  return { room, alerts, updates };
}
