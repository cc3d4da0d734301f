/**
 * Who completes whom. Two-sided matching rewards an offer meeting a request, and neighbouring
 * roles in the value chain meeting (fibre → yarn → fabric → garment → brand → distribution →
 * e-commerce), academies meeting companies for training and internships, and technology meeting
 * producers. Pure tables and small functions; the weights live in match-engine.ts.
 */
import type { OpportunityType } from '../../../contracts/opportunity';
import type { OrganisationKind } from '../../../contracts/organisation';
import type { ValueChainRole } from '../analysis/taxonomy/taxonomy';

const CHAIN: readonly ValueChainRole[] = ['fibre', 'yarn', 'fabric', 'garment', 'brand', 'distribution', 'ecommerce'];

/** Roles that serve every producing step of the chain, and the steps they serve. */
const SERVES: Partial<Record<ValueChainRole, readonly ValueChainRole[]>> = {
  machinery: ['yarn', 'fabric', 'garment', 'research'],
  design: ['garment', 'brand', 'fabric'],
  education: ['garment', 'brand', 'design', 'fabric', 'research', 'ecommerce'],
  research: ['machinery', 'fabric', 'yarn', 'education'],
  ecommerce: ['brand', 'garment', 'distribution'],
  distribution: ['brand', 'garment'],
};

/** Pairs of roles that complete each other, as "a|b" with a < b. */
const COMPLEMENTS: ReadonlySet<string> = (() => {
  const pairs = new Set<string>();
  const add = (a: ValueChainRole, b: ValueChainRole) => pairs.add(a < b ? `${a}|${b}` : `${b}|${a}`);
  for (let i = 0; i + 1 < CHAIN.length; i++) add(CHAIN[i]!, CHAIN[i + 1]!);
  for (const [role, served] of Object.entries(SERVES) as Array<[ValueChainRole, ValueChainRole[]]>) {
    for (const s of served) add(role, s);
  }
  return pairs;
})();

export function rolesComplement(a: ValueChainRole, b: ValueChainRole): boolean {
  return a !== b && COMPLEMENTS.has(a < b ? `${a}|${b}` : `${b}|${a}`);
}

const ROLE_BIT = new Map<ValueChainRole, number>(
  (['fibre', 'yarn', 'fabric', 'garment', 'brand', 'distribution', 'ecommerce', 'machinery', 'design', 'education', 'research'] as const).map(
    (r, i) => [r, 1 << i],
  ),
);

/** A role set as bits, for the per-candidate check on the hot path. */
export function roleMask(roles: Iterable<ValueChainRole>): number {
  let m = 0;
  for (const r of roles) m |= ROLE_BIT.get(r) ?? 0;
  return m;
}

/** The roles that complete any role in `mask`, as bits. */
export function complementMask(mask: number): number {
  let out = 0;
  for (const [a, bitA] of ROLE_BIT) {
    if (!(mask & bitA)) continue;
    for (const [b, bitB] of ROLE_BIT) if (rolesComplement(a, b)) out |= bitB;
  }
  return out;
}

/** The role an organisation's kind implies, when it implies one. */
export const KIND_ROLE: Partial<Record<OrganisationKind, ValueChainRole>> = {
  designer: 'design',
  academy: 'education',
  science_park: 'research',
  ecommerce_provider: 'ecommerce',
};

/** Complementary role pairs between two role sets, e.g. [["yarn","fabric"]]. */
export function complementaryRoles(
  a: ReadonlySet<ValueChainRole>,
  b: ReadonlySet<ValueChainRole>,
): Array<[ValueChainRole, ValueChainRole]> {
  const out: Array<[ValueChainRole, ValueChainRole]> = [];
  for (const x of a) for (const y of b) if (rolesComplement(x, y)) out.push([x, y]);
  return out;
}

/** Opportunity types that belong together (same type always does). */
const RELATED_TYPES: ReadonlyArray<readonly [OpportunityType, OpportunityType]> = [
  ['training_programme', 'internship'],
  ['training_programme', 'talent_scouting'],
  ['internship', 'talent_scouting'],
  ['joint_venture', 'investment'],
  ['commercial_partnership', 'cross_border_ecommerce'],
  ['sourcing_manufacturing', 'design_licensing'],
  ['technology_cooperation', 'joint_venture'],
  ['technology_cooperation', 'investment'],
];

/** Related pairs as "a b" keys, both ways round (typeAffinity runs once per candidate of every recommendation). */
const RELATED_KEYS = new Set(RELATED_TYPES.flatMap(([x, y]) => [`${x} ${y}`, `${y} ${x}`]));

/** 1 for the same type, 0.6 for related types, 0 otherwise. */
export function typeAffinity(a: OpportunityType, b: OpportunityType): number {
  if (a === b) return 1;
  return RELATED_KEYS.has(`${a} ${b}`) ? 0.6 : 0;
}

/** 1 when an offer meets a request, 0 when both offer or both ask, 0.5 when a side is unknown. */
export function directionFit(a: 'offer' | 'request' | null, b: 'offer' | 'request' | null): number {
  if (!a || !b) return 0.5;
  return a === b ? 0 : 1;
}
