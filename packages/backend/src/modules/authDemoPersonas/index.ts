export { authModuleDemoPersonaProvider as default } from './module';
