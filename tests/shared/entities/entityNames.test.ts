import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../shared/model/entity';
import { entityNameIndex, proposeEntity } from '../../../shared/entities/entityNames';

const entity = (id: string, name: string, type: string, otherNames: string[] = [], updatedAt = 1): Entity => ({
  id,
  name,
  otherNames,
  type,
  createdAt: 1,
  updatedAt,
  version: 1,
});

const US = entity('us', 'القوات الأميركية', 'actor', ['US forces', 'القوات الأمريكية']);
const KONICO = entity('konico', 'حقل كونيكو', 'place', ['كونيكو']);
const OBSERVATORY = entity('sohr', 'المرصد السوري لحقوق الإنسان', 'actor', ['المرصد']);
const index = entityNameIndex([US, KONICO, OBSERVATORY]);

describe('proposeEntity', () => {
  it('finds an entity by any of its names after Arabic folding: hamza, harakat, tatweel, Latin case', () => {
    expect(proposeEntity(index, 'القوات الاميركية', 'actor')?.id).toBe('us');
    expect(proposeEntity(index, 'القُوّات الأمريكيّة', 'actor')?.id).toBe('us');
    expect(proposeEntity(index, 'US Forces', 'actor')?.id).toBe('us');
    expect(proposeEntity(index, 'كونيـــكو', 'place')?.id).toBe('konico');
  });

  it('finds a name behind proclitics as search does, ل + ال as لل included, and not a name merely inside another', () => {
    expect(proposeEntity(index, 'وللقوات الأميركية', 'actor')?.id).toBe('us');
    expect(proposeEntity(index, 'بكونيكو', 'place')?.id).toBe('konico');
    expect(proposeEntity(index, 'والمرصد', 'actor')?.id).toBe('sohr');
    expect(proposeEntity(index, 'المرصد السوري', 'actor')).toBeNull();
    expect(proposeEntity(index, 'مطار دمشق', 'place')).toBeNull();
  });

  it('prefers an exact name to one behind clitics, then an entity of the mention’s own label, then the latest', () => {
    const army = entity('army', 'الجيش', 'actor');
    const bareArmy = entity('bare', 'جيش', 'actor');
    const armyPlace = entity('armyPlace', 'الجيش', 'place', [], 5);
    const i = entityNameIndex([army, bareArmy, armyPlace]);
    expect(proposeEntity(i, 'الجيش', 'actor')?.id).toBe('army');
    expect(proposeEntity(i, 'الجيش', 'place')?.id).toBe('armyPlace');
    expect(proposeEntity(i, 'جيش', 'actor')?.id).toBe('bare');
    expect(proposeEntity(i, 'للجيش', 'actor')?.id).toBe('army');
  });
});
