import { app } from './app';

export { Channel } from '../durable/channel/channel';
export { DiagramCache } from '../durable/diagram-cache/diagram-cache';
export { Directory } from '../durable/directory/directory';
export { Workspace } from '../durable/workspace/workspace';

export default app satisfies ExportedHandler<import('./context').Env>;
