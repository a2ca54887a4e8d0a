/**
 * Image decoding shared by every media analysis (hashing, classification), so that an image is decoded once per
 * message: {@link io.vigil.detector.media.ImageDecoder} (ImageIO with the TwelveMonkeys plugins) turns bytes into a
 * {@link io.vigil.detector.media.DecodedImage} or a typed {@link io.vigil.detector.media.ImageDecodeException} with
 * a stable code, checks the pixel limit from the header first, and decodes only what the combined
 * {@link io.vigil.detector.media.DecodeRequest}s need. Knows nothing of Kafka.
 */
package io.vigil.detector.media;
