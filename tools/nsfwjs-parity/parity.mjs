// Runs NSFWJS itself on inputs written by Vigil's parity test and writes its class probabilities.
//
//   node parity.mjs --manifest=DIR/manifest.json --out=DIR/nsfwjs.json [--backend=wasm|cpu]
//
// For each image in the manifest it reports, in NSFWJS's class order (drawing, hentai, neutral, porn, sexy):
//   fromTensor: NSFWJS's network on Vigil's preprocessed 224x224 NHWC tensor (model parity);
//   fromPixels: NSFWJS end to end (its own /255 and align-corners resize) on Vigil's decoded, upright RGB
//               pixels (preprocessing parity);
//   fromJpeg:   when the image is a JPEG file, NSFWJS end to end on pixels decoded by jpeg-js instead of Java
//               (the decoder difference, reported apart).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { IMAGE_SIZE, decodeJpeg, loadNsfwjs, parseArgs, readFloat32 } from "./nsfwjs.mjs";

const args = parseArgs(process.argv, { backend: "wasm" });
if (!args.manifest || !args.out) {
  throw new Error("usage: node parity.mjs --manifest=FILE --out=FILE [--backend=wasm|cpu]");
}
const { tf, model, features } = await loadNsfwjs(args.backend);
const manifest = JSON.parse(readFileSync(args.manifest, "utf8"));
const folder = path.dirname(args.manifest);

async function probabilities(tensorFactory, run) {
  const output = tf.tidy(() => run(tensorFactory()));
  const values = Array.from(await output.data());
  output.dispose();
  return values;
}

const results = [];
for (const image of manifest.images) {
  const result = { id: image.id };
  const tensor = readFloat32(readFileSync(path.join(folder, image.tensor)));
  result.fromTensor = await probabilities(() => tf.tensor4d(tensor, [1, IMAGE_SIZE, IMAGE_SIZE, 3]), (x) => model.model.predict(x));
  const rgb = readFileSync(path.join(folder, image.rgb));
  result.fromPixels = await probabilities(() => tf.tensor3d(Int32Array.from(rgb), [image.height, image.width, 3], "int32"),
    (x) => model.infer(x));
  if (image.jpeg) {
    const decoded = decodeJpeg(readFileSync(image.jpeg));
    result.fromJpeg = await probabilities(() => tf.tensor3d(decoded.rgb, [decoded.height, decoded.width, 3], "int32"),
      (x) => model.infer(x));
  }
  results.push(result);
}
writeFileSync(args.out, JSON.stringify({ ...features, results }, null, 1));
