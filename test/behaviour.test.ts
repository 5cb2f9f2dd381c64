import { amplitudeDriver } from './drivers/amplitude';
import { segmentDriver } from './drivers/segment';
import { behaviourSuite } from './shared/behaviour';
import { addressBehaviourSuite } from './shared/behaviour-addresses';

behaviourSuite(amplitudeDriver);
behaviourSuite(segmentDriver);
addressBehaviourSuite(amplitudeDriver);
addressBehaviourSuite(segmentDriver);
