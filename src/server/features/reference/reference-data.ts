import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Product, Sector } from '../../../contracts/system';

const REFERENCE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../reference');

export interface ReferenceData {
  sectors: Sector[];
  products: Product[];
  hasSector(code: string): boolean;
  hasProduct(code: string): boolean;
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
  return {
    sectors,
    products,
    hasSector: (code) => sectorCodes.has(code),
    hasProduct: (code) => productCodes.has(code) || productCodes.has(code.slice(0, 4)) || productCodes.has(code.slice(0, 2)),
  };
}
