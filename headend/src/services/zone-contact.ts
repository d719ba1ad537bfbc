import type { Clock } from '@stb-notify/protocol';
import { HeadendError, notFound } from '../errors';
import type { NoticeRecord } from '../ports/notice-store';
import type { Zone } from '../ports/registry-store';
import type { Stores } from '../ports/store';
import type { StaffMember } from '../ports/staff-store';
import { Outgoing } from './notice-input';
import type { NoticeInput } from './notice-input';
import type { NoticeService } from './notice-service';

const YEAR = 366 * 24 * 60 * 60 * 1000;

/**
 * Z1/Z4: each zone has one responsible maintainer, a named staff member; the zone's boxes show
 * who it is — name, staff number, phone — and the supervision phone (在各小区、街道公布服务电话与监督
 * 电话，负责该片区的服务人员照片、工号). A new maintainer reaches the boxes as a mailbox notice that
 * replaces the previous one (one collapse key per zone).
 */
export class ZoneContact {
  constructor(
    private readonly d: {
      readonly stores: Stores;
      readonly notices: NoticeService;
      readonly clock: Clock;
      readonly supervisionPhone: string;
    },
  ) {}

  async assign(zoneId: string, staffNo: string, actor: string): Promise<{ zone: Zone; notice: NoticeRecord }> {
    const zone = await this.d.stores.registry.getZone(zoneId);
    if (zone === undefined) throw notFound('zone', zoneId);
    const m = await this.d.stores.staff.getStaff(staffNo);
    if (m === undefined || m.leftAtMs !== 0) throw notFound('staff member', staffNo);
    if (m.role !== 'maintainer')
      throw new HeadendError('VALIDATION', `Z1: ${staffNo} is a ${m.role}, not a maintainer`);
    const updated: Zone = { ...zone, maintainer: m.name };
    const now = this.d.clock.now();
    const phone = this.d.supervisionPhone;
    // The zone's new maintainer and the notice that tells its boxes are one decision (outbox):
    // never a zone routed to one person while its boxes show another.
    const out = new Outgoing();
    const notice = await this.d.stores.transaction(async (tx) => {
      await tx.registry.upsertZones([updated]); // Z1: new tickets of the zone go to them
      await tx.audit.append({
        atMs: now,
        actor,
        action: 'zone.maintainer',
        subject: zoneId,
        detail: { from: zone.maintainer, to: m.name, staffNo },
      });
      return this.d.notices.stageInto(tx, this.contactNotice(zone, m, phone, now, actor), out);
    });
    await this.d.notices.dispatch(out.items, out.prepared);
    return { zone: updated, notice };
  }

  private contactNotice(zone: Zone, m: StaffMember, phone: string, now: number, actor: string): NoticeInput {
    return {
      kind: 'ANNOUNCEMENT',
      target: { type: 'zones', zoneIds: [zone.id] },
      collapseKey: `zone-contact:${zone.id}`,
      texts: [
        {
          lang: 'zh-CN',
          title: `${zone.name}片区服务人员`,
          body: `您所在片区的服务人员：${m.name}，工号 ${m.staffNo}，电话 ${m.phone}。服务监督电话：${phone}。`,
        },
        {
          lang: 'en',
          title: `Your service contact in ${zone.name}`,
          body: `Your area's service staff: ${m.name}, staff no. ${m.staffNo}, phone ${m.phone}. Supervision line: ${phone}.`,
        },
      ],
      detail: { topic: 'zone-contact', effectiveAtMs: now },
      expiresAtMs: now + YEAR,
      createdBy: actor,
    };
  }
}
