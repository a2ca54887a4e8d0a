package io.vigil.ingest.blobs;

import io.vigil.detector.hashing.Digests;
import io.vigil.detector.media.DecodeLimits;
import io.vigil.detector.media.ImageDecodeException;
import io.vigil.detector.media.ImageDecoder;
import io.vigil.detector.pdq.PdqHasher;
import io.vigil.pdq.PdqHash;
import io.vigil.schemas.GroupPhoto;

/**
 * A chat's photo as the hashes lineage compares (GroupEvent.photo): SHA-256 for the same file and PDQ for the same
 * picture re-encoded, computed exactly as the detector computes them for message media (its guarded decoder and its
 * PDQ). The photo itself stays in the blob store.
 */
public final class PhotoFingerprints {

    private final ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());
    private final PdqHasher pdq = new PdqHasher();

    /** The photo's hashes; PDQ is left out (null) when the bytes are no image the decoder reads. */
    public GroupPhoto of(byte[] bytes, String blobUri) {
        GroupPhoto.Builder photo = GroupPhoto.newBuilder().setSha256(Digests.sha256Hex(bytes)).setBlobUri(blobUri);
        try {
            PdqHash hash = pdq.hash(decoder.decode(bytes, PdqHasher.EXACT_DECODE).image());
            photo.setPdq(hash.hex()).setPdqQuality(hash.quality());
        } catch (ImageDecodeException e) {
            // An unreadable picture still has its exact hash.
        }
        return photo.build();
    }
}
