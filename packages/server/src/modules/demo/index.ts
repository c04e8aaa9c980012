// The demo module's public surface: the CLI seeds the demo station through this file.
export {
  CITY_HOUSEHOLDS,
  DEMO_HOUSEHOLDS,
  type DemoLogin,
  type DemoSeedResult,
  generateDemoPassword,
  isDatabaseEmpty,
  seedDemoStation,
} from './demo-seed.service.js';
