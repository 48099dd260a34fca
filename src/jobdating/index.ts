export { scheduleJobDating, type JobDatingSchedule, type JobDatingInterview } from './schedule.js';
export {
  JobDatingEventSchema, JobDatingOptionsSchema, type JobDatingEvent, type JobDatingEventInput, type JobDatingOptions,
} from './event.js';
export {
  UNSCHEDULED_REASONS, IDLE_REASONS, type UnscheduledReason, type IdleReason, type CandidateConvocation, type EmployerConvocation,
} from './convocations.js';
