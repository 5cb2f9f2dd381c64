import { amplitudeDriver } from './drivers/amplitude';
import { segmentDriver } from './drivers/segment';
import { behaviourSuite } from './shared/behaviour';
import { identityBehaviour } from './shared/behaviour-identity';

behaviourSuite(amplitudeDriver);
behaviourSuite(segmentDriver);
identityBehaviour(amplitudeDriver);
identityBehaviour(segmentDriver);
