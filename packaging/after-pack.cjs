// electron-builder afterPack hook: flip Carrel's fuses in the packed binary.
const { flipFuses } = require('@electron/fuses');
const { CARREL_FUSES, packedElectronPath } = require('./fuses.cjs');

module.exports = async function afterPack(context) {
  await flipFuses(packedElectronPath(context), CARREL_FUSES);
};
