import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiOkResponse, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { StoryDto } from './story.dto';

@Controller()
class StoryDocsController {
  @Get('story')
  @ApiOkResponse({ type: StoryDto })
  story(): void {}
}

@Module({ controllers: [StoryDocsController] })
class StoryDocsModule {}

type Schemas = Record<string, { properties?: Record<string, { $ref?: string; allOf?: { $ref: string }[]; items?: { $ref?: string } }> }>;

describe('the story DTO in the OpenAPI document', () => {
  it("describes the ninjs document's editorial fields, its people and its renditions", async () => {
    const app = await NestFactory.create(StoryDocsModule, { logger: false });
    try {
      const schemas = SwaggerModule.createDocument(app, new DocumentBuilder().build()).components?.schemas as Schemas;
      // A property with a description of its own refers to its schema through allOf.
      expect(schemas['StoryDto'].properties?.['ninjs'].allOf).toEqual([{ $ref: '#/components/schemas/NinjsDocumentDto' }]);
      expect(Object.keys(schemas['NinjsDocumentDto'].properties ?? {})).toEqual(
        expect.arrayContaining(['slugline', 'edNote', 'usageTerms', 'expires', 'subjects', 'people', 'places', 'genres', 'associations']),
      );
      expect(schemas['NinjsDocumentDto'].properties?.['people'].items?.$ref).toBe('#/components/schemas/NinjsPersonDto');
      expect(Object.keys(schemas['NinjsRenditionDto'].properties ?? {})).toEqual(
        expect.arrayContaining(['name', 'href', 'width', 'height', 'sizeInBytes', 'poi']),
      );
    } finally {
      await app.close();
    }
  });
});
