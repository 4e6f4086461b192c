import { Initial1795424204669 } from './1795424204669-Initial';

/** Every migration, in order. Listed explicitly so compiled and test runs load the same set. */
export const migrations = [Initial1795424204669];
