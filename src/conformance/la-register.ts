// A one-authority register for the conformance checks' throwaway databases, loaded through the
// same use case as the real register.
import type { OfstedRegion } from '../domain/access/roles.js';

export function conformanceRegister(
  id: string,
  name: string,
  gssCode: string,
  dfeCode: string | null,
  ofstedRegion: OfstedRegion | null,
): unknown {
  return {
    localAuthorities: [
      {
        id,
        name,
        gssCode,
        dfeCode,
        ofstedUrn: null,
        ofstedRegion,
        onsRegionCode: null,
        onsRegion: null,
        laType: null,
        validFrom: null,
        validTo: null,
        population0to17: null,
      },
    ],
  };
}
