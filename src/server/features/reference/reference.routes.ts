import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ProductList, SectorList } from '../../../contracts/system';
import type { ReferenceData } from './reference-data';

export const referenceRoutes: FastifyPluginAsyncZod<{ reference: ReferenceData }> = async (app, { reference }) => {
  const tags = ['reference'];
  // Static for the life of the process: let browsers cache for a day.
  app.get('/reference/sectors', { schema: { tags, summary: 'NACE Rev.2 sectors with it/zh/en labels', response: { 200: SectorList } } },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=86400').send({ items: reference.sectors }));
  app.get('/reference/products', { schema: { tags, summary: 'HS chapters and textile, leather and furniture headings with it/zh/en labels', response: { 200: ProductList } } },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=86400').send({ items: reference.products }));
};
