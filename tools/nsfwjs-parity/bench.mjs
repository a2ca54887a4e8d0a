// NSFWJS's own speed on one thread, for Vigil's nudity benchmark (benchmarks/, NudityBenchmark) to compare with.
//
//   node bench.mjs --images=DIR --tensor=FILE --out=FILE [--backend=wasm|cpu] [--seconds=3] [--rounds=3]
//
// DIR holds the JPEGs to classify; FILE a 224x224x3 float32 tensor preprocessed by Vigil. Measures, in images/s
// (best of the rounds): inference alone (the network on a ready tensor), decode alone (jpeg-js, pure JavaScript:
// what NSFWJS in Node uses without native add-ons), and the whole path (decode + NSFWJS's classify, which
// normalises, resizes and runs the network). Rates are images per CPU-second of this process.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { IMAGE_SIZE, decodeJpeg, loadNsfwjs, parseArgs, readFloat32 } from "./nsfwjs.mjs";

const args = parseArgs(process.argv, { backend: "wasm", seconds: "3", rounds: "3" });
if (!args.images || !args.tensor || !args.out) {
  throw new Error("usage: node bench.mjs --images=DIR --tensor=FILE --out=FILE [--backend=wasm|cpu] [--seconds=3] [--rounds=3]");
}
const seconds = Number(args.seconds);
const rounds = Number(args.rounds);
const { tf, model, features } = await loadNsfwjs(args.backend);
const jpegs = readdirSync(args.images).filter((name) => name.endsWith(".jpg")).sort()
  .map((name) => readFileSync(path.join(args.images, name)));
const tensor = tf.tensor4d(readFloat32(readFileSync(args.tensor)), [1, IMAGE_SIZE, IMAGE_SIZE, 3]);

/** CPU seconds used by this process so far (all its threads), as the Java side counts them. */
function cpuSeconds() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/**
 * Best images per CPU-second over the rounds, each round running `once` (one image) for at least `seconds` of
 * wall time: steadier than wall time on a shared machine, and equal to it on an idle pinned core.
 */
async function measure(once) {
  for (let i = 0; i < 3; i++) {
    await once(i); // warm-up: compile kernels, fill caches
  }
  let best = 0;
  for (let round = 0; round < rounds; round++) {
    let count = 0;
    const start = performance.now();
    const cpuStart = cpuSeconds();
    while (performance.now() - start < seconds * 1000) {
      await once(count);
      count++;
    }
    best = Math.max(best, count / (cpuSeconds() - cpuStart));
  }
  return best;
}

const inference = await measure(async () => {
  const output = model.model.predict(tensor);
  await output.data();
  output.dispose();
});
const decode = await measure(async (i) => {
  decodeJpeg(jpegs[i % jpegs.length]);
});
const whole = await measure(async (i) => {
  const decoded = decodeJpeg(jpegs[i % jpegs.length]);
  const image = tf.tensor3d(decoded.rgb, [decoded.height, decoded.width, 3], "int32");
  await model.classify(image);
  image.dispose();
});
writeFileSync(args.out, JSON.stringify({ ...features, images: jpegs.length, inference, decode, whole }, null, 1));
