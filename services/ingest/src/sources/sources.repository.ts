import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { SourceEntity } from '../database/source.entity';

@Injectable()
export class SourcesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(source: Pick<SourceEntity, 'id' | 'name' | 'apiKeyHash'>): Promise<SourceEntity> {
    const repo = this.dataSource.getRepository(SourceEntity);
    await repo.insert({ ...source, disabledAt: null });
    return repo.findOneByOrFail({ id: source.id });
  }

  findActiveByKeyHash(apiKeyHash: string): Promise<SourceEntity | null> {
    return this.dataSource.getRepository(SourceEntity).findOneBy({ apiKeyHash, disabledAt: IsNull() });
  }

  findByName(name: string): Promise<SourceEntity | null> {
    return this.dataSource.getRepository(SourceEntity).findOneBy({ name });
  }

  list(): Promise<SourceEntity[]> {
    return this.dataSource.getRepository(SourceEntity).find({ order: { createdAt: 'ASC' } });
  }
}
