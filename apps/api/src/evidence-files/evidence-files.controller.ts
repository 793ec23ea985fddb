import { Controller, Get, HttpCode, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { Principal } from '@send/domain';
import { EvidenceModel } from '../actions/models/evidence.model';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { HttpErrorFilter } from '../errors/http-error.filter';
import { ActionParams, EvidenceFileParams } from './dto/upload-evidence.fields';
import { EvidenceFilesService } from './evidence-files.service';

/**
 * Evidence files over plain HTTP, behind the same bearer token and rules as GraphQL: upload and
 * attach in one request (multipart: the file plus the attachEvidence fields), and download.
 */
@Controller('actions/:actionId/evidence')
@UseFilters(HttpErrorFilter)
export class EvidenceFilesController {
  constructor(private readonly files: EvidenceFilesService) {}

  @Post()
  @HttpCode(201)
  upload(
    @Param() { actionId }: ActionParams,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EvidenceModel> {
    return this.files.attachUpload(actionId, principal, request, response);
  }

  @Get(':evidenceId/file')
  async download(@Param() { actionId, evidenceId }: EvidenceFileParams, @CurrentPrincipal() principal: Principal, @Res() response: Response): Promise<void> {
    const { file, content } = await this.files.verifiedFile(actionId, evidenceId, principal);
    response
      .status(200)
      // attachment() also sets a type guessed from the name's ending (application/octet-stream
      // when it has none), so the type the content was checked to be is set after it.
      .attachment(file.originalName)
      .type(file.contentType)
      .set({
        'Content-Length': String(file.size),
        'Cache-Control': 'no-store',
        // The browser must treat it as the type we checked, and never run it as a page.
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'X-Evidence-SHA256': file.sha256,
      });
    await pipeline(content, response);
  }
}
