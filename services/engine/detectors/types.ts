/**
 * The detector contract (STYLE §3): a detector kind is code, a rule is data that picks a kind
 * and gives it parameters. `compile` runs once per ruleset load; `evaluate` runs per event and
 * is pure: it returns the detector's next state and its findings, and never mutates its inputs.
 */
import type { z } from 'zod';
import type { EngineEvent, EventType, TranscriptEvent } from '../contracts/events.js';
import type { Severity } from '../contracts/alert.js';
import type { RecentSegment, RoomState } from '../state/room.js';

/** A lexicon hit in the squeezed view of the current segment (with the previous tail in front). */
export type LexiconHit = { term: number; start: number; end: number };

/** What a transcript event looks like after normalisation, shared by every lexical rule. */
export type SegmentView = {
  /** Original text: previous segment tail (if within the window) + this segment. */
  original: string;
  /** Offset in `original` where this segment starts. */
  currentStart: number;
  /** The previous segment, whose end (`original` up to `currentStart`) is joined in front; null when none is. */
  previous: RecentSegment | null;
  /** Squeezed, folded view and its map back to `original`. */
  squeezed: string;
  map: readonly number[];
};

export type EvidenceEvent = {
  topic: string;
  partition: number;
  offset: number;
  type: EventType;
  ts: string;
  excerpt: string;
};

export type EvidenceMatch = { term: string; text: string; span: [number, number] };

export type Finding = {
  /** Distinguishes findings inside one rule for dedupe: the term, the sku and value, … */
  dedupeKey: string;
  sku?: string | null;
  /** Overrides the rule's severity; `info` is advisory only and never becomes an alert. */
  severity?: Severity | 'info';
  /** One Chinese sentence an inspector can paste into a case form, then an English gloss. */
  summary: string;
  matches?: EvidenceMatch[];
  values?: Record<string, unknown>;
  /** Evidence events beyond the trigger (which is always added). */
  events?: EvidenceEvent[];
};

export type Seeds = { get(name: string): unknown; has(name: string): boolean };

export type CompileEnv = {
  seeds: Seeds;
  /** Squeezed, folded form of a lexicon term, as the automaton will see it. */
  normaliseTerm(term: string): string;
  /** A normalised term and its homophone/variant spellings (seeds/normalise/variants.yaml). */
  variants(term: string): string[];
};

export type EvaluateInput<C, S> = {
  event: EngineEvent;
  /**
   * The room before this event's own bookkeeping, except: a price event is already in
   * `room.cards` (and is `room.activeSku`), an order is already in `room.orders`. For a
   * transcript, `room.recent` holds the previous segments of the session, not this one.
   */
  room: RoomState;
  rule: C;
  state: S;
  /** Transcript events only: the normalised segment and this rule's lexicon hits. */
  segment?: SegmentView;
  hits?: readonly LexiconHit[];
  /** The product category of the sku being presented (catalogue §2.4). */
  productCategory: string;
};

export type EvaluateOutput<S> = { state: S; findings: readonly Finding[] };

export type Detector<P = any, C = any, S = any> = {
  kind: string;
  summary: string;
  params: z.ZodType<P>;
  on: readonly EventType[];
  compile(params: P, env: CompileEnv): C;
  /** Lexicon terms (already normalised) this rule needs from the shared automaton. */
  terms?(compiled: C): readonly string[];
  /** Transcript rules that only act on lexicon hits are not called for segments without one. */
  needsHits?: boolean;
  initial(): S;
  /** Resets the per-session part of the state when a room starts a new session. */
  onNewSession?(state: S): S;
  evaluate(input: EvaluateInput<C, S>): EvaluateOutput<S>;
};

export const defineDetector = <P, C, S>(d: Detector<P, C, S>): Detector<P, C, S> => d;

export type { TranscriptEvent };
