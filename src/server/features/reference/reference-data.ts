import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Product, Sector } from '../../../contracts/system';

const REFERENCE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../reference');
const TAXONOMY_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../lexicon/taxonomy/taxonomy.built.json');

export interface ReferenceData {
  sectors: Sector[];
  products: Product[];
  hasSector(code: string): boolean;
  hasProduct(code: string): boolean;
  /** A concept id of the domain taxonomy (what opportunities' concept corrections may cite). */
  hasConcept(id: string): boolean;
}

/**
 * NACE Rev.2 sectors and HS products with it/zh/en labels, built by scripts/build-reference.mjs.
 * HS codes deeper than the shipped headings are accepted when their heading is known, since
 * the nomenclature has thousands of subheadings we do not label.
 */
export function loadReferenceData(dir = REFERENCE_DIR): ReferenceData {
  const sectors = JSON.parse(fs.readFileSync(path.join(dir, 'nace-rev2.json'), 'utf8')) as Sector[];
  const products = JSON.parse(fs.readFileSync(path.join(dir, 'hs-products.json'), 'utf8')) as Product[];
  const sectorCodes = new Set(sectors.map((s) => s.code));
  const productCodes = new Set(products.map((p) => p.code));
  // Read on first use: only the ids are kept, and most processes (tests, the CLI) never ask.
  let conceptIds: Set<string> | null = null;
  const concepts = () =>
    (conceptIds ??= new Set(
      (JSON.parse(fs.readFileSync(TAXONOMY_FILE, 'utf8')) as { concepts: Array<{ id: string }> }).concepts.map((c) => c.id),
    ));
  return {
    sectors,
    products,
    hasSector: (code) => sectorCodes.has(code),
    hasProduct: (code) => productCodes.has(code) || productCodes.has(code.slice(0, 4)) || productCodes.has(code.slice(0, 2)),
    hasConcept: (id) => concepts().has(id),
  };
}
