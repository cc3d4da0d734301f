import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Ok } from '../../../contracts/auth';
import { Uuid, pickText } from '../../../contracts/common';
import {
  DistrictMemberInput,
  IdOrSlugParams,
  InvitationInput,
  KeyFactInput,
  LOGO_CONTENT_TYPES,
  LOGO_MAX_BYTES,
  OrganisationDetail,
  OrganisationInput,
  OrganisationListQuery,
  OrganisationPage,
  OrganisationPatch,
} from '../../../contracts/organisation';
import { invalid } from '../../errors';
import type { AuthService } from '../auth/auth.service';
import type { OrganisationService } from './organisation.service';

export const organisationRoutes: FastifyPluginAsyncZod<{ organisations: OrganisationService; auth: AuthService }> = async (
  app,
  { organisations, auth },
) => {
  const tags = ['organisations'];
  app.addContentTypeParser([...LOGO_CONTENT_TYPES], { parseAs: 'buffer', bodyLimit: LOGO_MAX_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.get('/organisations', { schema: { tags, summary: 'Directory: listed organisations, filtered, by cursor', querystring: OrganisationListQuery, response: { 200: OrganisationPage } } },
    async (request) => organisations.list(request.query));

  app.get('/organisations/:id', { schema: { tags, summary: 'One organisation by id or slug, with district members and key facts', params: IdOrSlugParams, response: { 200: OrganisationDetail } } },
    async (request) => organisations.detail(request.params.id, request.viewer));

  app.post('/organisations', { schema: { tags, summary: 'Create an organisation (you become its owner)', body: OrganisationInput, response: { 201: OrganisationDetail } } },
    async (request, reply) => reply.status(201).send(await organisations.create(request.body, request.viewer)));

  app.patch('/organisations/:id', { schema: { tags, summary: 'Edit an organisation (members and administrators): a JSON Merge Patch, where null clears an optional field', params: IdOrSlugParams, body: OrganisationPatch, response: { 200: OrganisationDetail } } },
    async (request) => organisations.update(request.params.id, request.body, request.viewer));

  app.put('/organisations/:id/key-facts', { schema: { tags, summary: 'Replace the key facts of an organisation', params: IdOrSlugParams, body: z.object({ facts: z.array(KeyFactInput).max(50) }).strict(), response: { 200: OrganisationDetail } } },
    async (request) => organisations.replaceKeyFacts(request.params.id, request.body.facts, request.viewer));

  app.post('/organisations/:id/district-members', { schema: { tags, summary: 'Add a member organisation to a district, cluster or park', params: IdOrSlugParams, body: DistrictMemberInput, response: { 201: OrganisationDetail } } },
    async (request, reply) =>
      reply.status(201).send(await organisations.addDistrictMember(request.params.id, request.body.organisationId, request.viewer)));

  app.delete('/organisations/:id/district-members/:memberId', { schema: { tags, summary: 'Remove a member organisation from a district', params: IdOrSlugParams.extend({ memberId: Uuid }), response: { 200: OrganisationDetail } } },
    async (request) => organisations.removeDistrictMember(request.params.id, request.params.memberId, request.viewer));

  app.put('/organisations/:id/logo', { schema: { tags, summary: 'Upload a logo: the raw PNG, JPEG or WebP bytes (at most 512 KiB) as the body', params: IdOrSlugParams, consumes: [...LOGO_CONTENT_TYPES], response: { 200: OrganisationDetail } } },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw invalid([{ path: 'logo', key: 'unsupported_image' }]);
      return organisations.setLogo(request.params.id, request.body, request.viewer);
    });

  app.delete('/organisations/:id/logo', { schema: { tags, summary: 'Remove the logo, uploaded or linked (members and administrators)', params: IdOrSlugParams, response: { 200: OrganisationDetail } } },
    async (request) => organisations.removeLogo(request.params.id, request.viewer));

  app.get('/organisations/:id/logo', { schema: { tags, summary: 'The uploaded logo', params: IdOrSlugParams } },
    async (request, reply) => {
      const logo = await organisations.logo(request.params.id, request.viewer);
      const etag = `"${logo.sha256}"`;
      reply.header('etag', etag).header('cache-control', 'public, max-age=31536000, immutable');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply.type(logo.contentType).send(logo.bytes);
    });

  app.post('/organisations/:id/invitations', { schema: { tags, summary: 'Invite a person by e-mail (owners and administrators)', params: IdOrSlugParams, body: InvitationInput, response: { 202: Ok } } },
    async (request, reply) => {
      const org = await organisations.detail(request.params.id, request.viewer);
      await auth.invite(
        request.viewer,
        { id: org.id, name: pickText(org.names, request.locale) || org.legalName, viewerRole: org.viewerRole },
        request.body.email,
        request.body.role,
      );
      return reply.status(202).send({ ok: true as const });
    });
};
