/**
 * Saved reports, in the registry database (`hub_registry`, collection `reports`) so every
 * gateway serves the same ones. A report is stored under its name as `_id`; saving a name again
 * replaces it. Only what was checked is stored: the routes prepare a report before saving it.
 */
import type { Collection, Db } from 'mongodb';
import type { ReportSpec } from './report-definition.js';

export interface StoredReport extends ReportSpec {
  readonly savedAt: Date;
  readonly savedBy: string;
}

type ReportDocument = Omit<StoredReport, 'name'> & { _id: string };

export class ReportStore {
  private readonly reports: Collection<ReportDocument>;

  constructor(db: Db) {
    this.reports = db.collection<ReportDocument>('reports');
  }

  async find(name: string): Promise<StoredReport | null> {
    const document = await this.reports.findOne({ _id: name });
    return document ? fromDocument(document) : null;
  }

  async list(): Promise<StoredReport[]> {
    return (await this.reports.find({}).sort({ _id: 1 }).toArray()).map(fromDocument);
  }

  /** Stores the report; true when it replaced one of the same name. */
  async save(report: ReportSpec, savedBy: string): Promise<boolean> {
    const { name, ...rest } = report;
    const result = await this.reports.replaceOne({ _id: name }, { ...rest, savedAt: new Date(), savedBy }, { upsert: true });
    return result.matchedCount > 0;
  }

  async remove(name: string): Promise<boolean> {
    return (await this.reports.deleteOne({ _id: name })).deletedCount === 1;
  }
}

function fromDocument({ _id, ...rest }: ReportDocument): StoredReport {
  return { name: _id, ...rest };
}
