import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../contracts/common';
import {
  CheckInInput, Event, EventRecommendationList, Feedback, FeedbackInput, FeedbackList, MeetingCheck, MeetingCheckInput, MeetingList, MeetingSwapInput,
  Participant, RecommendationQuery, RescheduleParticipantInput, RescheduleParticipantResult,
} from '../../../contracts/events';
import type { EventService } from './event.service';

/** The day of the event: publish, check-in, live checks, swaps, rescheduling, feedback, recommendations, PDF agenda. */
export const eventDayRoutes: FastifyPluginAsyncZod<{ events: EventService }> = async (app, { events: svc }) => {
  const tags = ['events'];
  const id = z.object({ id: Uuid });
  const withPid = z.object({ id: Uuid, pid: Uuid });
  const withMid = z.object({ id: Uuid, mid: Uuid });

  app.post('/events/:id/publish', { schema: { tags, summary: 'Publish the schedule; every approved participant is notified (organiser)', params: id, response: { 200: Event } } },
    async (req) => svc.day.publish(req.params.id, req.viewer));
  app.post('/events/:id/participants/:pid/check-in', { schema: { tags, summary: 'Check a participant in or out on the day (organiser)', params: withPid, body: CheckInInput, response: { 200: Participant } } },
    async (req) => svc.day.checkIn(req.params.id, req.params.pid, req.body, req.viewer));
  app.post('/events/:id/participants/:pid/reschedule', { schema: { tags, summary: 'Re-place a late or absent participant’s missed meetings, moving as few others as possible (organiser)', params: withPid, body: RescheduleParticipantInput, response: { 200: RescheduleParticipantResult } } },
    async (req) => svc.day.reschedule(req.params.id, req.params.pid, req.body, req.viewer));
  app.post('/events/:id/meetings/check', { schema: { tags, summary: 'Check a placement against every hard constraint, in your language (organiser)', params: id, body: MeetingCheckInput, response: { 200: MeetingCheck } } },
    async (req) => svc.meetings.check(req.params.id, req.body, req.viewer, req.locale));
  app.post('/events/:id/meetings/swap', { schema: { tags, summary: 'Exchange the slots and tables of two meetings in one transaction (organiser)', params: id, body: MeetingSwapInput, response: { 200: MeetingList } } },
    async (req) => svc.meetings.swap(req.params.id, req.body, req.viewer));
  app.post('/events/:id/meetings/:mid/feedback', { schema: { tags, summary: 'Feedback on a meeting by one side (sending again replaces it)', params: withMid, body: FeedbackInput, response: { 200: Feedback } } },
    async (req) => svc.day.giveFeedback(req.params.id, req.params.mid, req.body, req.viewer));
  app.get('/events/:id/feedback', { schema: { tags, summary: 'All feedback with a summary (organiser)', params: id, response: { 200: FeedbackList } } },
    async (req) => svc.day.feedback(req.params.id, req.viewer));
  app.get('/events/:id/recommendations', { schema: { tags, summary: 'Whom a participant should meet among the event’s participants', params: id, querystring: RecommendationQuery, response: { 200: EventRecommendationList } } },
    async (req) => svc.day.recommendations(req.params.id, req.query.participant, req.viewer, req.locale));
  app.get('/events/:id/participants/:pid/agenda.pdf', { schema: { tags, summary: 'The agenda as a printable PDF in your language (Chinese, Italian and English fonts embedded)', params: withPid } },
    async (req, reply) => {
      const pdf = await svc.agendas.pdf(req.params.id, req.params.pid, req.viewer, req.locale);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="agenda-${req.params.pid}.pdf"`).send(pdf);
    });
};
