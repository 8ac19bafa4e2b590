import { describe, expect, it } from 'vitest';
import { evaluationColumns } from '../../src/core/portfolio';
import { bundledPack } from '../helpers/packs';

describe("the portfolio's evaluation columns", () => {
  it('are the ones the method measures: all four for Familierådslagning, only the stage for Styrket familiebehandling', async () => {
    expect(evaluationColumns(await bundledPack('familieraadslagning'))).toEqual({ stage: true, planRate: true, satisfaction: true, followUpRate: true });
    expect(evaluationColumns(await bundledPack('styrket-familiebehandling'))).toEqual({ stage: true, planRate: false, satisfaction: false, followUpRate: false });
  });

  it('are none for a method without an evaluation definition', async () => {
    const pack = await bundledPack('relationel-familieraadgivning');
    expect(evaluationColumns({ ...pack, evaluation: undefined })).toEqual({ stage: false, planRate: false, satisfaction: false, followUpRate: false });
  });
});
