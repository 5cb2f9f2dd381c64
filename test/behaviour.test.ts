import { amplitudeDriver } from './drivers/amplitude';
import { segmentDriver } from './drivers/segment';
import { behaviourSuite } from './shared/behaviour';
import { eventMapSuite } from './shared/behaviour-event-map';

behaviourSuite(amplitudeDriver);
behaviourSuite(segmentDriver);
eventMapSuite(amplitudeDriver);
eventMapSuite(segmentDriver);
