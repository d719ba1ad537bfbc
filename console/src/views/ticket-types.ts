import type { Ticket } from '@stb-notify/headend/api-types';

/** The statuses of an unfinished ticket (its SLA clock runs or is paused). */
export const OPEN_STATUSES: readonly Ticket['status'][] = ['assigned', 'in_progress', 'paused'];
