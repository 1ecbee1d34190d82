// An activity (an inspection or a visit) as the rest of the system reads it.
import type { ActivityState } from './lifecycle.js';

export interface Activity {
  id: string;
  laId: string;
  laName: string;
  laRegion: string | null;
  activityType: string;
  frameworkId: string;
  state: ActivityState;
  pausedFrom: ActivityState | null;
  title: string;
  theme: string | null;
  sequenceNumber: number | null;
  partnerInspectorates: string[];
  plannedStart: string | null;
  plannedEnd: string | null;
  notifiedAt: Date | null;
  releasedParts: string[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}
