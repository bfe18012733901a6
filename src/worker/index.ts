import { app } from './app';

export { Channel } from '../durable/channel/channel';
export { Directory } from '../durable/directory/directory';
export { Workspace } from '../durable/workspace/workspace';

export default app satisfies ExportedHandler<import('./context').Env>;
