import type { Text } from '../ports/notice-store';

/**
 * Texts of the notices the rules send by themselves, Chinese first (the box's default
 * language) and English. Dates are shown in the operator's time zone.
 */
export class NoticeTexts {
  private readonly zhDate: Intl.DateTimeFormat;
  private readonly enDate: Intl.DateTimeFormat;

  constructor(
    timeZone: string,
    private readonly hotline: string,
  ) {
    const opts: Intl.DateTimeFormatOptions = {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    };
    this.zhDate = new Intl.DateTimeFormat('zh-CN', opts);
    this.enDate = new Intl.DateTimeFormat('en-GB', opts);
  }

  private zh(ms: number): string {
    return this.zhDate.format(ms);
  }

  private en(ms: number): string {
    return this.enDate.format(ms);
  }

  private money(minor: number, currency: string): { zh: string; en: string } {
    const v = (minor / 100).toFixed(2);
    return currency === 'CNY' ? { zh: `${v}元`, en: `CNY ${v}` } : { zh: `${v} ${currency}`, en: `${currency} ${v}` };
  }

  feeDue(amountMinor: number, currency: string, dueAtMs: number, accountId: string): Text[] {
    const m = this.money(amountMinor, currency);
    return [
      {
        lang: 'zh-CN',
        title: '收视费即将到期',
        body: `尊敬的用户，您的账户 ${accountId} 应缴费用 ${m.zh}，将于 ${this.zh(dueAtMs)} 到期。请通过营业厅、网上营业厅或银行代收及时缴费。咨询请拨打 ${this.hotline}。`,
      },
      {
        lang: 'en',
        title: 'Your TV fee is due soon',
        body: `Account ${accountId}: ${m.en} is due on ${this.en(dueAtMs)}. Pay at a service hall, online or at your bank. Questions: call ${this.hotline}.`,
      },
    ];
  }

  suspensionWarning(amountMinor: number, currency: string, suspendAtMs: number): Text[] {
    const m = this.money(amountMinor, currency);
    return [
      {
        lang: 'zh-CN',
        title: '欠费停机提醒',
        body: `您的账户已欠费 ${m.zh}。如未缴费，服务将于 ${this.zh(suspendAtMs)} 暂停。缴费后24小时内恢复。咨询请拨打 ${this.hotline}。`,
      },
      {
        lang: 'en',
        title: 'Service will be suspended',
        body: `Your account is ${m.en} overdue. Unless paid, service will be suspended on ${this.en(suspendAtMs)}. Service is restored within 24 hours of payment. Call ${this.hotline}.`,
      },
    ];
  }

  suspended(amountMinor: number, currency: string): Text[] {
    const m = this.money(amountMinor, currency);
    return [
      {
        lang: 'zh-CN',
        title: '服务已暂停',
        body: `因欠费 ${m.zh}，您的服务已暂停。缴费后24小时内恢复。咨询请拨打 ${this.hotline}。`,
      },
      {
        lang: 'en',
        title: 'Service suspended',
        body: `Service is suspended for ${m.en} overdue. It is restored within 24 hours of payment. Call ${this.hotline}.`,
      },
    ];
  }

  /** A payment received: replaces the fee reminder or the suspension warning it settled. */
  paymentReceived(amountMinor: number, currency: string, paidAtMs: number, suspensionCancelled: boolean): Text[] {
    const m = this.money(amountMinor, currency);
    const zh = suspensionCancelled ? '停机已取消，服务照常。' : '';
    const en = suspensionCancelled ? ' The suspension is cancelled; your service continues.' : '';
    return [
      { lang: 'zh-CN', title: '已收到您的缴费', body: `已收到您于 ${this.zh(paidAtMs)} 缴纳的 ${m.zh}，谢谢。${zh}` },
      {
        lang: 'en',
        title: 'Payment received',
        body: `We received your payment of ${m.en} on ${this.en(paidAtMs)}. Thank you.${en}`,
      },
    ];
  }

  restored(restoredAtMs: number): Text[] {
    return [
      { lang: 'zh-CN', title: '服务已恢复', body: `感谢您的缴费，服务已于 ${this.zh(restoredAtMs)} 恢复。` },
      {
        lang: 'en',
        title: 'Service restored',
        body: `Thank you for your payment. Service was restored on ${this.en(restoredAtMs)}.`,
      },
    ];
  }

  maintenance(startsAtMs: number, endsAtMs: number, reason: string, reminder: boolean): Text[] {
    const prefix = reminder ? { zh: '【即将开始】', en: 'Starting soon: ' } : { zh: '', en: '' };
    return [
      {
        lang: 'zh-CN',
        title: `${prefix.zh}线路维护通知`,
        body: `因${reason || '线路调整'}，${this.zh(startsAtMs)} 至 ${this.zh(endsAtMs)} 期间本区域信号可能中断，敬请谅解。咨询请拨打 ${this.hotline}。`,
      },
      {
        lang: 'en',
        title: `${prefix.en}Planned line work`,
        body: `Because of ${reason || 'line work'}, service in your area may be interrupted from ${this.en(startsAtMs)} to ${this.en(endsAtMs)}. Call ${this.hotline}.`,
      },
    ];
  }

  outage(etaMs: number): Text[] {
    const zhEta = etaMs > 0 ? `预计 ${this.zh(etaMs)} 恢复。` : '正在抢修。';
    const enEta = etaMs > 0 ? `Expected back by ${this.en(etaMs)}.` : 'Repairs are under way.';
    return [
      { lang: 'zh-CN', title: '故障通知', body: `本区域信号中断，${zhEta}无需重复报修。咨询请拨打 ${this.hotline}。` },
      {
        lang: 'en',
        title: 'Service outage',
        body: `Service in your area is interrupted. ${enEta} No need to report it again. Call ${this.hotline}.`,
      },
    ];
  }
}
