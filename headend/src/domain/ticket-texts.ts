import type { Incident, Ticket } from '../ports/ticket-store';
import type { Text } from '../ports/notice-store';

const STATUS_ZH: Record<Ticket['status'], string> = {
  assigned: '已受理',
  in_progress: '维修中',
  paused: '已暂停',
  resolved: '已修复',
  closed: '已完成',
};
const STATUS_EN: Record<Ticket['status'], string> = {
  assigned: 'received',
  in_progress: 'being repaired',
  paused: 'paused',
  resolved: 'repaired',
  closed: 'closed',
};
const PAUSE_ZH: Record<string, string> = {
  'force-majeure': '不可抗力（消除后重新计算修复时限）',
  'waiting-on-customer': '等待您方便上门的时间',
  'waiting-on-materials': '等待您补齐资料（补齐后开始计算办理时限）',
};
const PAUSE_EN: Record<string, string> = {
  'force-majeure': 'force majeure (the repair time limit starts again when it ends)',
  'waiting-on-customer': 'waiting for a visit time that suits you',
  'waiting-on-materials': 'waiting for your documents (the time limit starts when they are complete)',
};

/** Texts of the ticket notices the box shows (T1 promise, T2/T3 pauses, T4 survey). */
/**
 * How a ticket is named to the subscriber: its short number (issue 17), which can be read out
 * on the phone; the internal id only for a ticket not stored yet.
 */
export function ticketRef(t: Pick<Ticket, 'id' | 'number'>): string {
  return t.number > 0 ? String(t.number) : t.id;
}

export class TicketTexts {
  private readonly zhDate: Intl.DateTimeFormat;
  private readonly enDate: Intl.DateTimeFormat;

  constructor(
    timeZone: string,
    private readonly hotline: string,
  ) {
    const o: Intl.DateTimeFormatOptions = {
      timeZone,
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    };
    this.zhDate = new Intl.DateTimeFormat('zh-CN', o);
    this.enDate = new Intl.DateTimeFormat('en-GB', o);
  }

  /** T1 promise, T2/T3 pause (with everything the customer still has to provide, in one list). */
  update(t: Ticket, missing: readonly string[] = []): Text[] {
    const due = t.status === 'paused' ? '' : `，承诺 ${this.zhDate.format(t.dueAtMs)} 前修复`;
    const dueEn = t.status === 'paused' ? '' : `, promised by ${this.enDate.format(t.dueAtMs)}`;
    const pause = t.status === 'paused' ? `暂停原因：${PAUSE_ZH[t.pauseReason] ?? t.pauseReason}。` : '';
    const pauseEn = t.status === 'paused' ? ` Paused: ${PAUSE_EN[t.pauseReason] ?? t.pauseReason}.` : '';
    const need = missing.length > 0 ? `请一次性补齐：${missing.join('、')}。` : '';
    const needEn = missing.length > 0 ? ` Still needed, all at once: ${missing.join(', ')}.` : '';
    return [
      {
        lang: 'zh-CN',
        title: `报修单 ${ticketRef(t)}：${STATUS_ZH[t.status]}`,
        body: `您的报修${STATUS_ZH[t.status]}${due}。${pause}${need}咨询请拨打 ${this.hotline}。`,
      },
      {
        lang: 'en',
        title: `Repair ${ticketRef(t)}: ${STATUS_EN[t.status]}`,
        body: `Your repair is ${STATUS_EN[t.status]}${dueEn}.${pauseEn}${needEn} Call ${this.hotline}.`,
      },
    ];
  }

  /** T6: a staff member's answer, word for word. */
  reply(t: Ticket, message: string): Text[] {
    return [
      { lang: 'zh-CN', title: `报修单 ${ticketRef(t)}：客服回复`, body: `${message}\n咨询请拨打 ${this.hotline}。` },
      { lang: 'en', title: `Repair ${ticketRef(t)}: our reply`, body: `${message}\nCall ${this.hotline}.` },
    ];
  }

  knownOutage(i: Incident): Text[] {
    const eta = i.etaMs > 0 ? `预计 ${this.zhDate.format(i.etaMs)} 恢复` : '正在抢修';
    const etaEn = i.etaMs > 0 ? `expected back by ${this.enDate.format(i.etaMs)}` : 'repairs are under way';
    return [
      {
        lang: 'zh-CN',
        title: '故障已知，正在抢修',
        body: `您所在区域的信号故障已在处理中，${eta}，无需重复报修。咨询请拨打 ${this.hotline}。`,
      },
      {
        lang: 'en',
        title: 'Known fault, repairs under way',
        body: `The signal fault in your area is being repaired, ${etaEn}. No need to report it again. Call ${this.hotline}.`,
      },
    ];
  }

  survey(t: Ticket): Text[] {
    return [
      {
        lang: 'zh-CN',
        title: '维修回访',
        body: `报修单 ${ticketRef(t)} 已修复。请用遥控器为本次服务打分（1-5），并告诉我们问题是否已解决。`,
      },
      {
        lang: 'en',
        title: 'How did we do?',
        body: `Repair ${ticketRef(t)} is done. Please rate it 1-5 with the remote and tell us whether the problem is solved.`,
      },
    ];
  }
}
