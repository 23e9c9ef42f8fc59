import { describeHostileInput } from '../testing/hostile-input';

// Text and JSON formats: text page, plain text, ninjs, AP media, IPTC 7901, ANPA. The XML ones are in hostile-input.xml.spec.ts.
describe('hostile input to parseWire', () => {
  describeHostileInput((format) => !format.contentType.includes('xml'));
});
