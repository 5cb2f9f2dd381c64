import { amplitudeDriver } from './drivers/amplitude';
import { behaviourSuite } from './shared/behaviour';

behaviourSuite(amplitudeDriver);
