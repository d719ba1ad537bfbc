import { openSqliteStores } from '../src/store/open-stores';
import { billingStoreContract } from './contracts/billing-store.contract';
import { jobStoreContract } from './contracts/job-store.contract';
import { noticeStoreContract } from './contracts/notice-store.contract';
import { registryStoreContract } from './contracts/registry-store.contract';
import { ticketStoreContract } from './contracts/ticket-store.contract';
import { tokenAndAuditContract } from './contracts/token-and-audit.contract';
import { unitOfWorkContract } from './contracts/unit-of-work.contract';

// The embedded store runs every store contract (a PostgreSQL adapter runs the same suites).
const open = async () => openSqliteStores(':memory:');
registryStoreContract('SQLite', open);
noticeStoreContract('SQLite', open);
jobStoreContract('SQLite', open);
billingStoreContract('SQLite', open);
tokenAndAuditContract('SQLite', open);
ticketStoreContract('SQLite', open);
unitOfWorkContract('SQLite', open);
