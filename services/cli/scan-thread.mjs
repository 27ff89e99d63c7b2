// Entry of a `supervisor scan` worker thread: registers tsx's loader in this thread (a
// thread does not inherit the main thread's), then runs the TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('./scan-thread.ts');
