// What the plan views load once and share: a solved plan's document parts, a solve's progress so far.
import { all, get } from './api.js';

const cache = new Map(); // planId -> loaded document parts (a solved document never changes)

export async function loadDocument(plan) {
  if (cache.has(plan.planId)) return cache.get(plan.planId);
  const id = plan.planId;
  const snapshot = `/snapshots/${encodeURIComponent(plan.snapshotId)}`;
  const [moves, formations, leaving, explanation, facilities, staff] = await Promise.all([
    all(`/plans/${id}/moves`), all(`/plans/${id}/formations`), all(`/plans/${id}/leaving`), get(`/plans/${id}/explanation`),
    all(`${snapshot}/facilities`).catch(() => []), all(`${snapshot}/staff`).catch(() => [])]);
  const doc = { moves, formations, leaving, explanation, facilities, placements: null,
    names: new Map(formations.map((f) => [f.facilityId, f.facilityName])),
    districtOf: new Map(formations.map((f) => [f.facilityId, f.district])),
    jobNames: new Map(formations.map((f) => [f.job, f.jobName])),
    people: new Map(staff.map((s) => [s.staffId, s.name])) };
  for (const f of facilities) { doc.names.set(f.facilityId, f.name); doc.districtOf.set(f.facilityId, f.district); }
  cache.set(id, doc);
  return doc;
}
export async function placementsOf(id, doc) {
  if (!doc.placements) doc.placements = await all(`/plans/${id}/placements`);
  return doc.placements;
}

export const progressSeries = new Map(); // planId -> [{t, value}]
