import { z } from 'zod';
import { LocalisedShortText } from './common';

export const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  migration: z.number().int(),
  version: z.string(),
});
export type Health = z.infer<typeof Health>;

export const Sector = z.object({
  code: z.string(),
  level: z.enum(['section', 'division', 'group', 'class']),
  parent: z.string().nullable(),
  label: LocalisedShortText,
});
export type Sector = z.infer<typeof Sector>;
export const SectorList = z.object({ items: z.array(Sector) });

export const Product = z.object({
  code: z.string(),
  parent: z.string().nullable(),
  label: LocalisedShortText,
});
export type Product = z.infer<typeof Product>;
export const ProductList = z.object({ items: z.array(Product) });
