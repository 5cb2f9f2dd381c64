import { amplitudeDriver } from './drivers/amplitude';
import { segmentDriver } from './drivers/segment';
import { behaviourSuite } from './shared/behaviour';
import { addressBehaviourSuite } from './shared/behaviour-addresses';
import { eventMapSuite } from './shared/behaviour-event-map';
import { identityBehaviour, identityOrderBehaviour } from './shared/behaviour-identity';

behaviourSuite(amplitudeDriver);
behaviourSuite(segmentDriver);
identityBehaviour(amplitudeDriver);
identityBehaviour(segmentDriver);
identityOrderBehaviour(amplitudeDriver);
identityOrderBehaviour(segmentDriver);
eventMapSuite(amplitudeDriver);
eventMapSuite(segmentDriver);
addressBehaviourSuite(amplitudeDriver);
addressBehaviourSuite(segmentDriver);
