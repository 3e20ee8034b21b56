import { type EngineFixture, createEngineFixture } from '../../test/support/engine-fixture';
import { startHousekeeping } from './housekeeping';

let fixture: EngineFixture;
beforeAll(async () => {
  fixture = await createEngineFixture('postgres');
}, 60_000);
afterAll(() => fixture.drop());

it('sweeps expired captchas period after period until stopped', async () => {
  const { database } = fixture.context;
  const expired = (id: string) => ({ id, answer_hash: 'x', expires_at: new Date(Date.now() - 1) });
  await database('captchas').insert(expired('first'));
  const housekeeping = startHousekeeping(fixture.context, 20);
  try {
    await until(async () => (await database('captchas').count({ n: '*' }))[0]?.n == 0);
    await database('captchas').insert(expired('second'));
    await until(async () => (await database('captchas').count({ n: '*' }))[0]?.n == 0);
  } finally {
    await housekeeping.stop();
  }
  await database('captchas').insert(expired('third'));
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await database('captchas').pluck('id')).toEqual(['third']);
});

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the condition never held');
}
