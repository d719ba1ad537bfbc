export * from './memory-storage';
export * from './mqtt-transport';
export * from './static-platform';
export * from './ws-mqtt-transport';
