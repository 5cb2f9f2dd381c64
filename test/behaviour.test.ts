import { amplitudeDriver } from './drivers/amplitude';
import { segmentDriver } from './drivers/segment';
import { behaviourSuite } from './shared/behaviour';

behaviourSuite(amplitudeDriver);
behaviourSuite(segmentDriver);
