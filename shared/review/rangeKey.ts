import type { Span } from '../model/span';

/** Names a span by where it is and its label, which two annotators' copies share (ids never do). */
export const rangeKey = (s: Pick<Span, 'start' | 'end' | 'label'>): string => `${s.start}-${s.end}:${s.label}`;
