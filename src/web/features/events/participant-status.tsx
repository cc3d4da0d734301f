import type { Participant } from '../../../contracts/events';
import { Badge } from '../../components/status';
import { useT } from '../../i18n/i18n';

export function ParticipantStatusBadge({ status }: { status: Participant['status'] }) {
  const { t } = useT();
  return <Badge tone={status === 'approved' ? 'accent' : status === 'pending' ? 'warn' : 'neutral'}>{t(`events.participantStatus.${status}`)}</Badge>;
}
